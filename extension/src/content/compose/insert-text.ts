/**
 * Puts plain text at the start of a contenteditable compose body, as typing would — never as
 * markup, so nothing in the text can become an element. `insertText` goes through the editor's
 * own input handling (undo works, Gmail saves the draft); where the browser refuses it, the lines
 * are added as text nodes in Gmail's one-div-per-line shape and an input event announces them.
 */
export function insertPlainText(body: HTMLElement, text: string): 'typed' | 'appended' {
  const doc = body.ownerDocument;
  const view = doc.defaultView;
  body.focus();
  const selection = view?.getSelection() ?? null;
  if (selection) {
    const range = doc.createRange();
    range.setStart(body, 0);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const before = body.textContent ?? '';
  if (typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text) && (body.textContent ?? '') !== before) {
    return 'typed';
  }

  const lines = text.split('\n').map((line) => {
    const div = doc.createElement('div');
    if (line === '') div.append(doc.createElement('br'));
    else div.append(doc.createTextNode(line));
    return div;
  });
  body.prepend(...lines);
  const InputEventCtor = view?.InputEvent ?? InputEvent;
  body.dispatchEvent(new InputEventCtor('input', { bubbles: true, inputType: 'insertText', data: text }));
  return 'appended';
}
