// Chinese for the words form-js 1.8.7 (bundled with Tasklist) writes itself: its client-side validation
// messages, the select's placeholder and its date picker's month and weekday names. form-js has no
// translation hook in this version, so its text is translated where it appears. The server checks every
// input again and answers in Chinese in any case.

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项'],
  [/^Field must have maximum length of (\d+)\.$/, (n) => '不能超过' + n + '个字'],
  [/^Field must have minimum length of (\d+)\.$/, (n) => '至少需要' + n + '个字'],
  [/^Field must have maximum value of (.+)\.$/, (n) => '不能大于' + n],
  [/^Field must have minimum value of (.+)\.$/, (n) => '不能小于' + n],
  [/^Field must match pattern .*\.$/, () => '格式不正确'],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱'],
  [/^Field must be a valid +international phone number\..*$/, () => '请输入有效的电话号码（如 +86 10 12345678）'],
  [/^Select$/, () => '请选择'],
  [/^Search$/, () => '搜索'],
  [/^No results$/, () => '无匹配项']
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const WEEKDAYS = { Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六' };

function translated(text) {
  const trimmed = text.trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = pattern.exec(trimmed);
    if (match) {
      return chinese(match[1]);
    }
  }
  const month = MONTHS.indexOf(trimmed);
  if (month >= 0) {
    return (month + 1) + '月';
  }
  return WEEKDAYS[trimmed] || null;
}

function translatePlaceholder(input) {
  const chinese = input.closest('.fjs-container') ? translated(input.getAttribute('placeholder') || '') : null;
  if (chinese !== null) {
    input.setAttribute('placeholder', chinese);
  }
}

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement;
    if (parent && parent.closest('.fjs-container, .flatpickr-calendar')) {
      const chinese = translated(node.data);
      if (chinese !== null && chinese !== node.data) {
        node.data = chinese;
      }
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  node.querySelectorAll('[placeholder]').forEach(translatePlaceholder);
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    translateNode(text);
  }
}

new MutationObserver((mutations) => {
  mutations.forEach((mutation) => {
    if (mutation.type === 'characterData') {
      translateNode(mutation.target);
    }
    else if (mutation.type === 'attributes') {
      translatePlaceholder(mutation.target);
    }
    else {
      mutation.addedNodes.forEach(translateNode);
    }
  });
}).observe(document.documentElement, {
  subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['placeholder']
});

export default [];
