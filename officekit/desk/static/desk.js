// The review desk works without this script (choose files, press 开始审核); it only lets a secretary
// drop files onto the page and starts the review as soon as files are chosen.
(function () {
  var form = document.getElementById('upload');
  if (!form) { return; }
  document.documentElement.classList.add('scripted');
  var input = document.getElementById('drafts');
  var zone = form.querySelector('label.drop');
  var busy = form.querySelector('.busy');

  function send() {
    if (!input.files || input.files.length === 0) { return; }
    busy.hidden = false;
    form.querySelector('button[type=submit]').disabled = true;
    form.submit();
  }

  input.addEventListener('change', send);
  form.addEventListener('submit', function () { busy.hidden = false; });
  ['dragenter', 'dragover'].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add('dragging'); });
  });
  ['dragleave', 'drop'].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove('dragging'); });
  });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    input.files = event.dataTransfer.files;
    send();
  });
  // A file dropped beside the zone must not make the browser open it in place of the page.
  window.addEventListener('dragover', function (event) { event.preventDefault(); });
  window.addEventListener('drop', function (event) { event.preventDefault(); });
  document.body.setAttribute('data-desk', 'ready');
})();
