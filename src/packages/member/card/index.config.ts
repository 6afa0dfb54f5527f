export default definePageConfig({
  navigationBarTitleText: '我的联系证',
  enablePullDownRefresh: true,
})
