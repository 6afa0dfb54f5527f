export default definePageConfig({
  navigationBarTitleText: '报到',
  enablePullDownRefresh: true,
})
