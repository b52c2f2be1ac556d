// Cockpit dashboard plugin: overdue follow-ups across all instances, a page at a time, and pieces per
// lifecycle stage, from the application's own API (supervisors and administrators only). Text is set
// with textContent, never as HTML, so nothing a piece contains can run in the supervisor's browser.

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

// A province has thousands of overdue cases: the dashboard shows them a page at a time.
const PAGE_SIZE = 50;

function pager(page, pages, go) {
  const nav = element('div', null, { class: 'minyi-pager' });
  const previous = nav.appendChild(element('button', '上一页', { type: 'button', class: 'btn btn-default btn-sm' }));
  nav.appendChild(element('span', '第 ' + (page + 1) + ' / ' + pages + ' 页', { class: 'minyi-page-number', style: 'margin: 0 1em' }));
  const next = nav.appendChild(element('button', '下一页', { type: 'button', class: 'btn btn-default btn-sm' }));
  previous.disabled = page === 0;
  next.disabled = page >= pages - 1;
  const turn = (target) => () => {
    previous.disabled = true;
    next.disabled = true;
    go(target);
  };
  previous.addEventListener('click', turn(page - 1));
  next.addEventListener('click', turn(page + 1));
  return nav;
}

export default {
  id: 'minyi.overdueDashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node) => {
    const section = element('section', null, { class: 'minyi-overdue-dashboard' });
    section.appendChild(element('h3', '超期督办'));
    const status = section.appendChild(element('p', '正在加载…'));
    const cases = section.appendChild(element('div', null, { class: 'minyi-overdue-cases' }));
    const stages = section.appendChild(element('div', null, { class: 'minyi-stages' }));
    node.appendChild(section);
    const failed = (error) => {
      status.textContent = error.message;
    };

    const showPage = (page) => getJson('/api/supervision/overdue?page=' + page + '&size=' + PAGE_SIZE)
      .then((overdue) => {
        const pages = Math.max(1, Math.ceil(overdue.total / overdue.size));
        if (overdue.cases.length === 0 && page > 0) {
          // Cases were closed since the page was asked for: show the last page there still is.
          return showPage(Math.min(page - 1, pages - 1));
        }
        status.textContent = overdue.total === 0 ? '目前没有超期未办复的事项。' : '共 ' + overdue.total + ' 件超期未办复：';
        cases.replaceChildren();
        if (overdue.cases.length > 0) {
          cases.appendChild(table(['登记号', '标题', '承办单位', '办理时限', '超期（工作日）', '催办次数', '流程实例'],
            overdue.cases.map((item) => [item.registrationNumber, item.title, item.department,
              item.deadline.substring(0, 10), item.workingDaysOverdue, item.chases,
              element('a', '查看', { href: '#/process-instance/' + encodeURIComponent(item.processInstanceId) + '/runtime' })])));
        }
        if (pages > 1) {
          cases.appendChild(pager(page, pages, (target) => showPage(target).catch(failed)));
        }
      });

    showPage(0).catch(failed);
    getJson('/api/supervision/stages')
      .then((counts) => {
        stages.appendChild(element('h3', '各阶段信息数量'));
        stages.appendChild(table(['阶段', '数量'],
          counts.map((stage) => [STAGES[stage.status] || stage.status, stage.count])));
      })
      .catch(failed);
  }
};
