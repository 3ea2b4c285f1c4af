// 态势分析 in Cockpit's navigation bar: a link to the leaders' dashboard (/dashboard/), which
// administrators read too. Plugin point cockpit.navigation; registered in ../config.js.
export default [
  {
    id: 'xinfang-dashboard-link',
    pluginPoint: 'cockpit.navigation',
    priority: 10,
    label: '态势分析',
    pagePath: '/dashboard/',
    checkActive: () => false,
    properties: { label: '态势分析', pagePath: '/dashboard/' },
  },
];
