import { createHash } from 'node:crypto';

/**
 * The report's one script, inlined: copy buttons for the commands and a filter for the coverage
 * matrix. The page reads in full without it; it carries no data, so nothing in it needs escaping.
 */
export const SCRIPT = `
document.documentElement.classList.add('js');
document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-copy]');
  if (!button) return;
  const text = document.getElementById(button.dataset.copy).textContent;
  const done = (label) => { button.textContent = label; setTimeout(() => (button.textContent = 'Copy'), 1500); };
  navigator.clipboard.writeText(text).then(() => done('Copied'), () => {
    getSelection().selectAllChildren(document.getElementById(button.dataset.copy));
    done('Press Ctrl-C');
  });
});
document.addEventListener('change', (event) => {
  if (event.target.id === 'only-gaps') document.getElementById('coverage').classList.toggle('only-gaps', event.target.checked);
});
`;

/** The Content-Security-Policy source of {@link SCRIPT}: only this script may run, so text that escaped escaping still could not. */
export const SCRIPT_SOURCE = `'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`;
