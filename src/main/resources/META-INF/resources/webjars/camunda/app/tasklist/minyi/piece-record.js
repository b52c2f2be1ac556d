// Tasklist task tab 「信息全貌」 on every task of every process that concerns one piece: the piece's whole
// record as the signed-in user may see it, from GET /api/pieces/{id}/record (the server leaves out what
// the user may not read). Text is set with textContent, never as HTML: it is what people typed.

function element(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error(body && body.message ? body.message : '加载失败（' + response.status + '）');
    error.status = response.status;
    throw error;
  }
  return body;
}

const TIME = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium' });

function time(value) {
  return value ? TIME.format(new Date(value)) : '';
}

function date(value) {
  return value ? DATE.format(new Date(value + 'T00:00:00')) : '';
}

function heading(target, text) {
  target.appendChild(element('h4', text, { class: 'minyi-record-heading', style: 'margin-top: 1.5em' }));
}

function facts(target, pairs) {
  const list = target.appendChild(element('dl', null, { class: 'dl-horizontal minyi-record-facts' }));
  pairs.filter(([, value]) => value !== null && value !== undefined && value !== '').forEach(([label, value]) => {
    list.appendChild(element('dt', label));
    list.appendChild(element('dd', value));
  });
}

function table(target, cssClass, headers, rows) {
  const result = target.appendChild(element('table', null, { class: 'table table-condensed ' + cssClass }));
  const head = element('tr');
  headers.forEach((header) => head.appendChild(element('th', header)));
  result.appendChild(element('thead')).appendChild(head);
  const body = result.appendChild(element('tbody'));
  rows.forEach((cells) => {
    const row = body.appendChild(element('tr'));
    cells.forEach((cell) => row.appendChild(element('td', cell, { style: 'white-space: pre-wrap' })));
  });
}

function text(target, title, part) {
  if (!part) {
    return;
  }
  heading(target, title);
  [['标题', part.title], ['情况', part.situation], ['问题分析', part.analysis], ['意见建议', part.suggestions]]
    .forEach(([label, value]) => {
      target.appendChild(element('h5', label));
      target.appendChild(element('p', value, { style: 'white-space: pre-wrap' }));
    });
}

function render(target, record) {
  target.appendChild(element('h3', (record.registrationNumber ? record.registrationNumber + ' ' : '') + '《' + record.title + '》'));
  facts(target, [
    ['状态', record.statusName], ['类别', record.categoryName], ['来源类型', record.sourceTypeName],
    ['反映人', record.submitterName], ['反映人单位', record.sourceUnit], ['署名', record.credited.join('、')],
    ['来源渠道', record.channelName], ['紧急程度', record.urgencyName], ['密级', record.confidentialityName],
    ['提交时间', time(record.submittedAt)], ['登记时间', time(record.registeredAt)]
  ]);
  if (record.verification) {
    heading(target, '核实结果');
    facts(target, [['结果', record.verification.resultName], ['核实情况', record.verification.notes]]);
  }
  heading(target, '办理经过');
  table(target, 'minyi-record-timeline', ['时间', '办理人', '环节', '结果', '意见'],
    record.timeline.map((entry) => [time(entry.at), entry.actorName, entry.stepName, entry.decisionName, entry.comment]));
  if (record.issues.length > 0) {
    heading(target, '刊发');
    table(target, 'minyi-record-issues', ['期刊', '刊发时间'], record.issues.map((issue) => [issue.label, time(issue.publishedAt)]));
  }
  if (record.dispatches.length > 0) {
    heading(target, '报送');
    table(target, 'minyi-record-dispatches', ['报送对象', '报送方式'], record.dispatches.map((d) => [d.recipientName, d.formName]));
  }
  if (record.adoptions.length > 0) {
    heading(target, '采用情况');
    table(target, 'minyi-record-adoptions', ['层级', '采用形式', '采用日期', '文号'],
      record.adoptions.map((a) => [a.levelName, a.formName, date(a.adoptedOn), a.reference]));
  }
  if (record.instructions.length > 0) {
    heading(target, '领导批示');
    table(target, 'minyi-record-instructions', ['批示领导', '层级', '批示日期', '批示内容', '承办单位'],
      record.instructions.map((i) => [i.leaderName, i.levelName, date(i.instructedOn), i.text, i.departmentNames.join('、')]));
  }
  if (record.cases.length > 0) {
    heading(target, '部门办理');
    table(target, 'minyi-record-cases', ['承办单位', '主办/协办', '状态', '办理期限', '办复结果', '解决程度'],
      record.cases.map((c) => [c.departmentName, c.lead ? '主办' : '协办',
        c.statusName + (c.overdue ? '（已超期）' : '') + (c.extended ? '（已延期）' : ''), time(c.deadline),
        c.replyResultName, c.resolutionName]));
  }
  if (record.attachments.length > 0) {
    heading(target, '附件');
    const list = target.appendChild(element('ul', null, { class: 'minyi-record-attachments' }));
    record.attachments.forEach((attachment) => {
      const link = element('a', attachment.filename, {
        href: '/api/pieces/' + encodeURIComponent(record.id) + '/attachments/' + encodeURIComponent(attachment.id)
      });
      list.appendChild(element('li')).appendChild(link);
    });
  }
  text(target, '原文', record.original);
  text(target, '编辑稿', record.edited);
}

export default {
  id: 'minyi.pieceRecord',
  pluginPoint: 'tasklist.task.detail',
  label: '信息全貌',
  // Right after the form (1000), before 「相似信息」 (900) and the history (800).
  priority: 950,
  render: (node, { api, taskId }) => {
    const section = element('section', null, { class: 'minyi-record', style: 'padding: 1em' });
    const status = section.appendChild(element('p', '正在加载信息全貌…', { class: 'minyi-record-status' }));
    const body = section.appendChild(element('div', null, { class: 'minyi-record-body' }));
    node.appendChild(section);
    getJson(api.engineApi + '/task/' + encodeURIComponent(taskId) + '/variables/pieceId')
      .catch((error) => {
        if (error.status === 404) {
          return null;
        }
        throw error;
      })
      .then(async (variable) => {
        if (!variable || variable.value === null) {
          status.textContent = '本任务不针对单条信息（如期刊编排），没有信息全貌可看。';
          return;
        }
        render(body, await getJson('/api/pieces/' + encodeURIComponent(variable.value) + '/record'));
        status.remove();
      })
      .catch((error) => {
        status.textContent = error.message;
      });
  }
};
