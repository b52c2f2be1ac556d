// The attachment page: "my pieces" for submitters, a piece's attachments for everyone who may read it.
// Uses the webapp login session; writes carry Camunda's CSRF token. Text is set with textContent only.
const status = document.getElementById('status');
const params = new URLSearchParams(location.search);
const pieceId = params.get('piece');

// The webapps' CSRF cookie belongs to /camunda; the application hands this page the same session token.
async function csrfToken() {
  const session = await api('/api/session');
  return session.csrfToken;
}

async function api(path, options) {
  const response = await fetch(path, Object.assign({ credentials: 'same-origin' }, options));
  if (response.status === 401) {
    throw new Error('请先登录任务列表，然后刷新本页。');
  }
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new Error(body && body.message ? body.message : '操作失败（' + response.status + '）');
  }
  return body;
}

function row(table, cells) {
  const tr = table.querySelector('tbody').appendChild(document.createElement('tr'));
  cells.forEach((cell) => {
    const td = tr.appendChild(document.createElement('td'));
    if (cell instanceof Node) {
      td.appendChild(cell);
    } else {
      td.textContent = cell ?? '';
    }
  });
}

function link(text, href) {
  const a = document.createElement('a');
  a.textContent = text;
  a.href = href;
  return a;
}

async function showMine() {
  const pieces = await api('/api/pieces/mine');
  document.getElementById('mine').hidden = false;
  const table = document.getElementById('pieces');
  pieces.forEach((piece) => row(table, [piece.registrationNumber || '（待登记）', piece.title, piece.statusName,
    link('附件', '/attachments.html?piece=' + encodeURIComponent(piece.id))]));
  status.textContent = pieces.length === 0 ? '您还没有报送信息。' : '';
}

async function showPiece() {
  const attachments = await api('/api/pieces/' + encodeURIComponent(pieceId) + '/attachments');
  document.getElementById('piece').hidden = false;
  const table = document.getElementById('attachments');
  table.querySelector('tbody').replaceChildren();
  attachments.forEach((attachment) => row(table, [
    link(attachment.filename, '/api/pieces/' + encodeURIComponent(pieceId) + '/attachments/' + attachment.id),
    attachment.contentType, Math.ceil(attachment.size / 1024) + ' KB', attachment.uploadedBy]));
  status.textContent = attachments.length === 0 ? '这条信息还没有附件。' : '';
}

document.getElementById('upload').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('file').files[0];
  if (!file) {
    status.textContent = '请选择文件。';
    return;
  }
  if (file.size > 10 * 1024 * 1024) {
    status.textContent = '附件不能超过10MB。';
    return;
  }
  const form = new FormData();
  form.append('file', file);
  try {
    await api('/api/pieces/' + encodeURIComponent(pieceId) + '/attachments',
      { method: 'POST', body: form, headers: { 'X-XSRF-TOKEN': await csrfToken() } });
    document.getElementById('file').value = '';
    await showPiece();
    status.textContent = '已上传：' + file.name;
  } catch (error) {
    status.textContent = error.message;
  }
});

(pieceId ? showPiece() : showMine()).catch((error) => {
  status.textContent = error.message;
});
