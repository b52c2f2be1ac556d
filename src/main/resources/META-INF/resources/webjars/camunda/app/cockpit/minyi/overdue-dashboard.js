// Cockpit dashboard plugin: overdue follow-ups across all instances and pieces per lifecycle stage,
// from the application's own API (supervisors and administrators only). Text is set with textContent,
// never as HTML, so nothing a piece contains can run in the supervisor's browser.

const STAGES = {
  SUBMITTED: '已提交', RETURNED: '退回修改', VERIFYING: '核实中', EDITING: '编辑中', SIGNING_OFF: '审签中',
  SIGNED_OFF: '已签发', PUBLISHED: '已刊发', DISPATCHED: '已报送', ARCHIVED: '已归档',
  NOT_ADOPTED: '不予采用', WITHDRAWN: '已撤回', MERGED: '已综合'
};

function element(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function table(headers, rows) {
  const result = element('table', null, { class: 'table table-condensed cam-table minyi-table' });
  const head = element('tr');
  headers.forEach((header) => head.appendChild(element('th', header)));
  result.appendChild(element('thead')).appendChild(head);
  const body = result.appendChild(element('tbody'));
  rows.forEach((cells) => {
    const row = body.appendChild(element('tr'));
    cells.forEach((cell) => {
      const td = row.appendChild(element('td'));
      if (cell instanceof Node) {
        td.appendChild(cell);
      } else {
        td.textContent = cell === null || cell === undefined ? '' : String(cell);
      }
    });
  });
  return result;
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(response.status === 403 ? '无权查看督办数据' : '加载失败（' + response.status + '）');
  }
  return response.json();
}

export default {
  id: 'minyi.overdueDashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node) => {
    const section = element('section', null, { class: 'minyi-overdue-dashboard' });
    section.appendChild(element('h3', '超期督办'));
    const status = section.appendChild(element('p', '正在加载…'));
    node.appendChild(section);

    Promise.all([getJson('/api/supervision/overdue'), getJson('/api/supervision/stages')])
      .then(([overdue, stages]) => {
        status.textContent = overdue.length === 0 ? '目前没有超期未办复的事项。' : '共 ' + overdue.length + ' 项超期未办复：';
        if (overdue.length > 0) {
          section.appendChild(table(['登记号', '标题', '承办单位', '办理时限', '超期（工作日）', '催办次数', '流程实例'],
            overdue.map((item) => [item.registrationNumber, item.title, item.department,
              item.deadline.substring(0, 10), item.workingDaysOverdue, item.chases,
              element('a', '查看', { href: '#/process-instance/' + encodeURIComponent(item.processInstanceId) + '/runtime' })])));
        }
        section.appendChild(element('h3', '各阶段信息数量'));
        section.appendChild(table(['阶段', '数量'],
          stages.map((stage) => [STAGES[stage.status] || stage.status, stage.count])));
      })
      .catch((error) => {
        status.textContent = error.message;
      });
  }
};
