export default definePageConfig({
  navigationBarTitleText: '本单位年度评价',
})
