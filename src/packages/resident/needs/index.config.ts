export default definePageConfig({
  navigationBarTitleText: '服务需求',
  enablePullDownRefresh: true,
})
