// A stub of @tarojs/taro for jsdom tests (jest.config.js maps the module
// here). Navigation and UI calls are jest.fn so tests can assert on them;
// lifecycle hooks that need a mini-program host are no-ops.
const resolved = () => jest.fn(() => Promise.resolve({ errMsg: 'ok' }))

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD' } as const

export const navigateTo = resolved()
export const redirectTo = resolved()
export const switchTab = resolved()
export const reLaunch = resolved()
export const navigateBack = resolved()
export const showToast = resolved()
export const showModal = jest.fn(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'ok' }))
export const showLoading = resolved()
export const hideLoading = jest.fn()
export const stopPullDownRefresh = jest.fn()
export const startPullDownRefresh = resolved()
export const setNavigationBarTitle = resolved()
export const scanCode = jest.fn(() => Promise.reject(new Error('scanCode:fail not available in tests')))
export const getStorageSync = jest.fn(() => '')
export const setStorageSync = jest.fn()
export const removeStorageSync = jest.fn()
export const getEnv = jest.fn(() => (process.env.TARO_ENV === 'weapp' ? ENV_TYPE.WEAPP : ENV_TYPE.WEB))
export const requestSubscribeMessage = resolved()

export const cloud = {
  init: jest.fn(),
  callFunction: jest.fn(() => Promise.reject(new Error('cloud.callFunction: mock the gateway in tests'))),
}

/** Tests set the current page's query with `setRouterParams`. */
let routerParams: Record<string, string> = {}
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}
export const useRouter = jest.fn(() => ({ params: routerParams, path: '' }))
export const getCurrentInstance = jest.fn(() => ({ router: { params: routerParams, path: '' } }))

export const usePullDownRefresh = jest.fn()
export const useReachBottom = jest.fn()
export const useDidShow = jest.fn()
export const useDidHide = jest.fn()
export const useLoad = jest.fn()
export const useReady = jest.fn()
export const useUnload = jest.fn()
export const useShareAppMessage = jest.fn()

const Taro = {
  ENV_TYPE,
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  showToast,
  showModal,
  showLoading,
  hideLoading,
  stopPullDownRefresh,
  startPullDownRefresh,
  setNavigationBarTitle,
  scanCode,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  getEnv,
  requestSubscribeMessage,
  cloud,
  useRouter,
  getCurrentInstance,
  usePullDownRefresh,
  useReachBottom,
  useDidShow,
  useDidHide,
  useLoad,
  useReady,
  useUnload,
  useShareAppMessage,
}

export default Taro
