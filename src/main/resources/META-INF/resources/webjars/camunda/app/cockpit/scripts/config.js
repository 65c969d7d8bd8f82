// Replaces the built-in config.js of this webapp (camunda-webapp-webjar), whose settings are all commented-out
// defaults. The only change: Simplified Chinese (locales/zh.json) besides English. The browser's first language
// decides (zh-CN, zh-TW, ... are cut to "zh"); every other language gets English.
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  }
};
