// Replaces the built-in config.js of Tasklist (camunda-webapp-webjar); the keyboard shortcuts are the built-in
// defaults, kept as they were. Added: Simplified Chinese (locales/zh.json) besides English. The browser's first
// language decides (zh-CN, zh-TW, ... are cut to "zh"); every other language gets English.
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
