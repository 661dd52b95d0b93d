// Injected as the first script of every Custom UI iframe, before the app bundle: it gives the
// unmodified @forge/bridge its `window.__bridge.callBridge`, forwarding each call to the fake-Jira
// host page over postMessage, as Jira's own host does. Functions in payloads (event callbacks)
// cannot cross postMessage, so they travel as callback ids and are called back by the host.
(function () {
  'use strict';
  var pending = new Map();
  var callbacks = new Map();
  var nextId = 1;
  var themingEnabled = false;
  var THEME_SHEETS = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];

  function applyTheme(colorMode) {
    if (!themingEnabled) return;
    var html = document.documentElement;
    THEME_SHEETS.forEach(function (name) {
      if (document.querySelector('link[data-forge-theme="' + name + '"]')) return;
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/sandbox/theme/' + name + '.css';
      link.setAttribute('data-forge-theme', name);
      document.head.appendChild(link);
    });
    html.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography shape:shape');
    html.setAttribute('data-color-mode', colorMode === 'dark' ? 'dark' : 'light');
  }

  function encode(payload) {
    if (payload === null || typeof payload !== 'object') return payload;
    var out = Array.isArray(payload) ? [] : {};
    Object.keys(payload).forEach(function (key) {
      var value = payload[key];
      if (typeof value === 'function') {
        var id = 'cb' + nextId++;
        callbacks.set(id, value);
        out[key] = { __forgeCallback: id };
      } else {
        out[key] = encode(value);
      }
    });
    return out;
  }

  function ask(name, payload) {
    return new Promise(function (resolve, reject) {
      var id = nextId++;
      pending.set(id, { resolve: resolve, reject: reject });
      window.parent.postMessage({ type: 'forge-bridge-call', id: id, name: name, payload: encode(payload) }, window.location.origin);
    });
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== window.location.origin) return;
    var message = event.data || {};
    if (message.type === 'forge-bridge-result') {
      var waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(Object.assign(new Error(message.error && message.error.message), message.error || {}));
    } else if (message.type === 'forge-bridge-callback') {
      var callback = callbacks.get(message.callbackId);
      if (callback) callback(message.payload);
    } else if (message.type === 'forge-theme') {
      applyTheme(message.colorMode);
    }
  });

  window.__bridge = {
    callBridge: function (name, payload) {
      if (name === 'enableTheming') {
        themingEnabled = true;
        return ask('getContext').then(function (context) {
          applyTheme(context && context.theme && context.theme.colorMode);
        });
      }
      return ask(name, payload);
    },
  };

  // Jira sizes issue-panel iframes to their content; report our height like iframe-resizer does.
  function reportHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: 'forge-resize', height: height }, window.location.origin);
  }
  window.addEventListener('load', reportHeight);
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(reportHeight).observe(document.documentElement);
  }
})();
