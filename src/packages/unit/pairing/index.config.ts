export default definePageConfig({
  navigationBarTitleText: '结对共建',
})
