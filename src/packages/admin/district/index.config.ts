export default definePageConfig({
  navigationBarTitleText: '各单位报到率',
  enablePullDownRefresh: true,
})
