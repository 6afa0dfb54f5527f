// The platform's subscription prompt: requestSubscribe(templateIds) → each
// template's answer ('accept' | 'reject' | 'ban' | 'filter'). Taro resolves
// `./request-subscribe` to the platform file (weapp: Taro.requestSubscribeMessage;
// h5: the local runtime's stand-in); TypeScript and jest see this base file,
// which re-exports the h5 one, as call-function.ts does.
export { requestSubscribe } from './request-subscribe.h5'
