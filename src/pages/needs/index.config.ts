export default definePageConfig({
  navigationBarTitleText: '需求',
  enablePullDownRefresh: true,
})
