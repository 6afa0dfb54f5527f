export default definePageConfig({
  navigationBarTitleText: '打印台账',
})
