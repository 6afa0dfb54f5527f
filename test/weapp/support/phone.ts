// WeChat's parts of a phone that the tests play: the camera behind
// wx.scanCode, and the console, where a page's uncaught error would show.

/** wx.scanCode reading whatever the test puts in `camera` next; nothing there means the person cancels. */
export function fakeCamera() {
  const camera: string[] = []
  const scanCode = jest.fn((options: { onlyFromCamera?: boolean; success?: (res: object) => void; fail?: (res: object) => void }) => {
    const result = camera.shift()
    if (result === undefined) options.fail?.({ errMsg: 'scanCode:fail cancel' })
    else options.success?.({ result, scanType: 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' })
  })
  beforeEach(() => {
    camera.length = 0
    scanCode.mockClear()
  })
  return { camera, scanCode }
}

/** Every test of the file ends with nothing written to console.error (React and Taro report page errors there). */
export function failOnConsoleErrors(): void {
  const errors: unknown[][] = []
  beforeAll(() => {
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(args)
    })
  })
  beforeEach(() => {
    errors.length = 0
  })
  afterEach(() => expect(errors).toEqual([]))
}
