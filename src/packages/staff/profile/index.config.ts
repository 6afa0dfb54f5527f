export default definePageConfig({
  navigationBarTitleText: '社区基本情况',
})
