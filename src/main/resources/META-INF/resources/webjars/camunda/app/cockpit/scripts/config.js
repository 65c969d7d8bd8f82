// Replaces the built-in config.js of this webapp (camunda-webapp-webjar), whose settings are all commented-out
// defaults. Two additions: Simplified Chinese (locales/zh.json) besides English — the browser's first language
// decides (zh-CN, zh-TW, ... are cut to "zh"), every other language gets English — and the ledger plugins, loaded
// from app/cockpit/qingfeng/.
export default {
  customScripts: ['qingfeng/ledger-dashboard.js'],
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  }
};
