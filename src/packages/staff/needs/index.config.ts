export default definePageConfig({
  navigationBarTitleText: '居民需求',
  enablePullDownRefresh: true,
})
