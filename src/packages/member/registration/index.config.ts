export default definePageConfig({
  navigationBarTitleText: '报到登记',
})
