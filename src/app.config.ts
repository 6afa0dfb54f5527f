// Icons are drawn by config/make-tab-icons.mjs (81×81 PNG, grey and red).
function tab(name: string, text: string) {
  return {
    pagePath: `pages/${name}/index`,
    text,
    iconPath: `assets/tab/${name}.png`,
    selectedIconPath: `assets/tab/${name}-active.png`,
  }
}

// Only the five tab pages sit in the main package (WeChat caps it at 2 MB);
// every role page lives in a subpackage that loads when first opened.
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/report/index', 'pages/activities/index', 'pages/needs/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/unit', pages: ['roster/index', 'stats/index', 'cards/index', 'receipt/index', 'pairing/index', 'pairing-summary/index', 'participation/index', 'services/index', 'corrections/index', 'evaluation/index', 'bulletin/index'] },
    { root: 'packages/staff', pages: ['checkin/index', 'posts/index', 'summary/index', 'pending/index', 'residents/index', 'activity-qr/index', 'activities/index', 'activity-edit/index', 'activity/index', 'activity-attendance/index', 'collections/index', 'targets/index', 'meetings/index', 'profile/index', 'sheet/index', 'register/index', 'needs/index', 'need/index', 'services/index', 'corrections/index', 'evaluation/index', 'ledger/index'] },
    { root: 'packages/admin', pages: ['district/index', 'setup/index', 'org/index', 'grants/index', 'accept/index', 'audit/index', 'pairing/index', 'bulletins/index', 'year-close/index'] },
    { root: 'packages/member', pages: ['card/index', 'registration/index', 'pending/index', 'pairings/index', 'activity/index', 'signin/index', 'wall/index', 'need/index', 'services/index', 'service-sheet/index', 'record/index'] },
    { root: 'packages/resident', pages: ['pending/index', 'register/index', 'needs/index', 'need/index'] },
    { root: 'packages/centre', pages: ['volunteers/index'] },
    // Pages every role opens (issue 12 §4: 我的 → 消息提醒); small, outside the role packages.
    { root: 'packages/common', pages: ['reminders/index'] },
  ],
  window: {
    navigationBarTitleText: '双报到',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f5f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      tab('home', '首页'),
      tab('report', '报到'),
      tab('activities', '活动'),
      tab('needs', '需求'),
      tab('mine', '我的'),
    ],
  },
  // Inject only the components a page uses (smaller, faster first paint).
  lazyCodeLoading: 'requiredComponents',
  // An activity sign-in sends the phone's position when the activity has a
  // place (issue 9 §4); WeChat requires the API declared here, the purpose in
  // permission, and the same in the privacy guide (README: 隐私保护指引).
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '活动签到时核对您是否在活动现场（不授权也可以签到）' },
  },
})
