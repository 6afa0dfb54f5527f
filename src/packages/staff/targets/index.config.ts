export default definePageConfig({
  navigationBarTitleText: '帮扶对象摸底表',
})
