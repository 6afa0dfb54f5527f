export default definePageConfig({
  navigationBarTitleText: '半年通报',
})
