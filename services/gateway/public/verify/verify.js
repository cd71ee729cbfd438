import { verifyFile, verifyShared, verifyText } from './api.js';
import { show } from './dom.js';
import { checkingView, problemView, resultView } from './render.js';

const region = document.getElementById('result');
const buttons = document.querySelectorAll('button');
const UNREADABLE = {
  title: 'This could not be read',
  message: 'Choose the file again, then try again.',
  details: [],
};

/** Runs one check at a time and shows its outcome in the live region. */
async function check(request) {
  region.setAttribute('aria-busy', 'true');
  buttons.forEach((button) => (button.disabled = true));
  show(region, ...checkingView());
  try {
    const { result, problem } = await request();
    region.removeAttribute('aria-busy');
    show(region, ...(result ? resultView(result) : problemView(problem)));
  } catch {
    region.removeAttribute('aria-busy');
    show(region, ...problemView(UNREADABLE));
  } finally {
    region.removeAttribute('aria-busy');
    buttons.forEach((button) => (button.disabled = false));
  }
}

const holderEmail = () => document.getElementById('holder-email').value;

document.getElementById('paste-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = document.getElementById('credential-text').value;
  void check(() => verifyText(text, holderEmail()));
});

document.getElementById('file-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const file = document.getElementById('credential-file').files[0];
  void check(() => verifyFile(file, holderEmail()));
});

// Share links and certificate QR codes land here: show their result straight away.
const token = new URLSearchParams(window.location.search).get('share');
if (token) void check(() => verifyShared(token));
