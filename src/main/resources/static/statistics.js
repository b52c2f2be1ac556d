// The statistics page: figures and charts of the report API for a year or quarter. All text goes in
// with textContent or as chart data (drawn on canvas), never as HTML.
/* global Chart */
const LEVELS = { committee: '本级政协', city: '市政协', province: '省政协', national: '全国政协' };
const INSTRUCTIONS = { district: '区级', city: '市级', province: '省级', central: '中央' };
// Rates come as percentages with two decimals, as the report and the Excel file state them.
const percent = (value) => Number(value).toFixed(2) + '%';
const status = document.getElementById('status');
const charts = {};

function query() {
  const year = document.getElementById('year').value;
  const quarter = document.getElementById('quarter').value;
  return 'year=' + encodeURIComponent(year) + (quarter ? '&quarter=' + encodeURIComponent(quarter) : '');
}

function figure(label, value) {
  const box = document.createElement('div');
  box.className = 'figure';
  const number = document.createElement('strong');
  number.textContent = value;
  box.append(number, label);
  return box;
}

function draw(id, type, labels, datasets, options) {
  if (charts[id]) {
    charts[id].destroy();
  }
  charts[id] = new Chart(document.getElementById(id), {
    type, data: { labels, datasets }, options: Object.assign({ animation: false, responsive: true }, options || {})
  });
}

async function load() {
  status.textContent = '正在加载…';
  const response = await fetch('/api/statistics/report?' + query(), { credentials: 'same-origin' });
  if (response.status === 401) {
    throw new Error('请先在任务列表登录，然后刷新本页。');
  }
  const report = await response.json();
  if (!response.ok) {
    throw new Error(report.message || '加载失败');
  }
  document.getElementById('export').href = '/api/statistics/report.xlsx?' + query();
  const figures = document.getElementById('figures');
  figures.replaceChildren(figure('收到信息', report.received));
  Object.entries(LEVELS).forEach(([level, name]) => figures.append(
    figure(name + '采用（采用率 ' + percent(report.adoptionRatePercent[level]) + '）', report.adopted[level])));
  Object.entries(INSTRUCTIONS).forEach(([level, name]) => figures.append(
    figure(name + '领导批示', report.instructionsByLevel[level])));
  figures.append(figure('部门办复（办复率 ' + percent(report.replyRatePercent) + '）', report.departmentReplies),
    figure('超期督办', report.overdue));

  draw('chart-month', 'bar', report.byMonth.map((m) => m.year + '年' + m.month + '月'), [
    { label: '收到', data: report.byMonth.map((m) => m.received), backgroundColor: '#b5152b' },
    { label: '本级采用', data: report.byMonth.map((m) => m.adopted), backgroundColor: '#e6a23c' }]);
  draw('chart-category', 'pie', report.byCategory.map((r) => r.name || r.key),
    [{ data: report.byCategory.map((r) => r.received) }]);
  draw('chart-source', 'doughnut', report.bySourceType.map((r) => r.name || r.key),
    [{ data: report.bySourceType.map((r) => r.received) }]);
  draw('chart-rate', 'bar', Object.values(LEVELS),
    [{ label: '采用率（%）', data: Object.keys(LEVELS).map((level) => report.adoptionRatePercent[level]), backgroundColor: '#409eff' }],
    { scales: { y: { min: 0, max: 100 } } });
  const top = report.unitRanking.slice(0, 10);
  draw('chart-units', 'bar', top.map((r) => r.name || r.key),
    [{ label: '得分', data: top.map((r) => r.points), backgroundColor: '#67c23a' }], { indexAxis: 'y' });
  status.textContent = '统计区间：' + report.period.from + ' 至 ' + report.period.to;
}

document.getElementById('year').value = new Date().getFullYear();
document.getElementById('period').addEventListener('submit', (event) => {
  event.preventDefault();
  load().catch((error) => { status.textContent = error.message; });
});
load().catch((error) => { status.textContent = error.message; });
