// Tasklist task tab 「相似信息」: on a piece's registration task (also after a revision), the recent pieces
// that may be duplicates, from GET /api/pieces/{id}/similar. That answers only the info-section and only
// with pieces the registrar may read; the list is never stored in the process, so no other role can read
// it. Text is set with textContent, never as HTML: titles are what submitters typed.

const PIECE_PROCESS = 'minyi-piece';
const REGISTRATION_TASK = 'task_register';

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
    throw new Error(body && body.message ? body.message : '加载失败（' + response.status + '）');
  }
  return body;
}

async function isRegistrationTask(engineApi, taskId) {
  const query = new URLSearchParams({ taskId, processDefinitionKey: PIECE_PROCESS, taskDefinitionKey: REGISTRATION_TASK });
  return (await getJson(engineApi + '/task/count?' + query)).count > 0;
}

// The piece's text below the list, so the registrar can compare without leaving the task.
function showText(target, piece) {
  const text = piece.edited || piece.original;
  target.replaceChildren(element('h4', (piece.registrationNumber || '') + ' 《' + piece.title + '》'));
  [['情况', text.situation], ['问题分析', text.analysis], ['意见建议', text.suggestions]].forEach(([label, part]) => {
    target.appendChild(element('h5', label));
    target.appendChild(element('p', part, { style: 'white-space: pre-wrap' }));
  });
}

function table(similar, detail, status) {
  const result = element('table', null, { class: 'table table-condensed minyi-similar-pieces' });
  const head = element('tr');
  ['登记号', '标题', '相似度', ''].forEach((header) => head.appendChild(element('th', header)));
  result.appendChild(element('thead')).appendChild(head);
  const body = result.appendChild(element('tbody'));
  similar.forEach((piece) => {
    const row = body.appendChild(element('tr'));
    row.appendChild(element('td', piece.registrationNumber));
    row.appendChild(element('td', piece.title));
    row.appendChild(element('td', piece.similarityPercent + '%'));
    const view = element('button', '查看全文', { type: 'button', class: 'btn btn-default btn-xs' });
    view.addEventListener('click', () => getJson('/api/pieces/' + encodeURIComponent(piece.id))
      .then((full) => showText(detail, full))
      .catch((error) => {
        status.textContent = error.message;
      }));
    row.appendChild(element('td')).appendChild(view);
  });
  return result;
}

export default {
  id: 'minyi.similarPieces',
  pluginPoint: 'tasklist.task.detail',
  label: '相似信息',
  // After the form (1000), before the history (800).
  priority: 900,
  render: (node, { api, taskId }) => {
    const section = element('section', null, { class: 'minyi-similar', style: 'padding: 1em' });
    const status = section.appendChild(element('p', '正在查找相似信息…', { class: 'minyi-similar-status' }));
    const list = section.appendChild(element('div'));
    const detail = section.appendChild(element('div', null, { class: 'minyi-similar-detail' }));
    node.appendChild(section);
    isRegistrationTask(api.engineApi, taskId)
      .then(async (registration) => {
        if (!registration) {
          status.textContent = '相似信息只在登记分类任务中显示。';
          return;
        }
        const pieceId = (await getJson(api.engineApi + '/task/' + encodeURIComponent(taskId) + '/variables/pieceId')).value;
        const similar = await getJson('/api/pieces/' + encodeURIComponent(pieceId) + '/similar');
        if (similar.length === 0) {
          status.textContent = '近12个月内未发现相似信息';
          return;
        }
        status.textContent = '近12个月内的相似信息（按标题和情况部分的三字组重合度）：';
        list.appendChild(table(similar, detail, status));
      })
      .catch((error) => {
        status.textContent = error.message;
      });
  }
};
