export default definePageConfig({
  navigationBarTitleText: '本单位报到率',
  enablePullDownRefresh: true,
})
