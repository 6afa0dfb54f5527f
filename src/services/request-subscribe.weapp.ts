import Taro from '@tarojs/taro'

// weapp: WeChat's own prompt. It must be called from a tap, with templates
// known before the tap (no network call may come between the tap and this).
export async function requestSubscribe(templateIds: string[]): Promise<Record<string, string>> {
  const res = await Taro.requestSubscribeMessage({ tmplIds: templateIds } as Taro.requestSubscribeMessage.Option)
  return res as unknown as Record<string, string>
}
