export default definePageConfig({
  navigationBarTitleText: '党员评价',
})
