// The statistics page's section on submission quotas (报送任务): who is behind in a period, from
// GET /api/statistics/quotas. All text goes in with textContent, never as HTML.
const form = document.getElementById('quota-form');
const kind = document.getElementById('quota-kind');
const input = document.getElementById('quota-period');
const status = document.getElementById('quota-status');
const results = document.getElementById('quota-results');

function pad(number) {
  return String(number).padStart(2, '0');
}

// The period before the current one of a kind, in the API's notation: 2026-W48, 2026-11, 2026-Q3, 2025.
function lastEnded(periodKind) {
  const today = new Date();
  if (periodKind === 'week') {
    // ISO week of the day a week ago: the week of its Thursday, counted from the year's first Thursday.
    const day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() - 7));
    day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
    const week = Math.ceil(((day - Date.UTC(day.getUTCFullYear(), 0, 1)) / 86400000 + 1) / 7);
    return day.getUTCFullYear() + '-W' + pad(week);
  }
  if (periodKind === 'month') {
    const month = new Date(today.getFullYear(), today.getMonth() - 1, 1);
    return month.getFullYear() + '-' + pad(month.getMonth() + 1);
  }
  if (periodKind === 'quarter') {
    const quarter = Math.floor(today.getMonth() / 3);
    return quarter === 0 ? (today.getFullYear() - 1) + '-Q4' : today.getFullYear() + '-Q' + quarter;
  }
  return String(today.getFullYear() - 1);
}

function showInput() {
  const periodKind = kind.value;
  input.hidden = !periodKind;
  input.type = { week: 'week', month: 'month', year: 'number' }[periodKind] || 'text';
  input.placeholder = periodKind === 'quarter' ? '如 2026-Q4' : '';
  if (periodKind) {
    input.value = lastEnded(periodKind);
  }
}

function cell(tag, text, className) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) {
    element.className = className;
  }
  return element;
}

function quotaSection(quota) {
  const box = document.createElement('article');
  box.className = 'quota';
  box.dataset.group = quota.group;
  const period = quota.period;
  box.append(cell('h3', quota.groupName + '：' + quota.every + '至少 ' + quota.pieces + ' 条 · ' + period.label
    + '（' + period.from + ' 至 ' + period.to + '）'));
  let state;
  if (!period.ended) {
    state = '考核期尚未结束，以下为截至今日的情况';
  } else if (quota.checkedAt) {
    state = '已于 ' + new Date(quota.checkedAt).toLocaleString('zh-CN') + ' 检查并提醒未完成人员';
  } else {
    state = '尚未检查';
  }
  box.append(cell('p', '共 ' + quota.members + ' 人，未完成 ' + quota.behindCount + ' 人；' + state + '。'));
  if (quota.behind.length === 0) {
    box.append(cell('p', '全部完成。'));
    return box;
  }
  const table = document.createElement('table');
  const head = document.createElement('tr');
  ['姓名', '账号', '已报送（条）', '任务（条）'].forEach((title) => head.append(cell('th', title)));
  table.append(head);
  quota.behind.forEach((person) => {
    const row = document.createElement('tr');
    row.append(cell('td', person.name), cell('td', person.userId), cell('td', String(person.submitted), 'number'),
      cell('td', String(person.quota), 'number'));
    table.append(row);
  });
  box.append(table);
  return box;
}

async function loadQuotas() {
  status.textContent = '正在加载…';
  const period = kind.value ? input.value.trim() : '';
  const response = await fetch('/api/statistics/quotas' + (period ? '?period=' + encodeURIComponent(period) : ''),
    { credentials: 'same-origin' });
  if (response.status === 401) {
    throw new Error('请先在任务列表登录，然后刷新本页。');
  }
  const answer = await response.json();
  if (!response.ok) {
    throw new Error(answer.message || '加载失败');
  }
  results.replaceChildren(...answer.quotas.map(quotaSection));
  status.textContent = answer.quotas.length ? '' : '没有按此考核期计算的报送任务。';
}

kind.addEventListener('change', showInput);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  loadQuotas().catch((error) => { status.textContent = error.message; });
});
loadQuotas().catch((error) => { status.textContent = error.message; });
