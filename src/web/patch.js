// Applies one chart patch (tree::diff, encoded by `encode` in src/web/patch.rs) in a single call from the
// module, instead of one boundary crossing and one string decoded per DOM operation.
//
// `ops` is a stream of u32 words; `text` holds every string the ops need, one after the other, each op giving
// the length of its strings in UTF-16 code units (JavaScript string units), so strings are cut with a cursor
// and no character is ever special. Element indices are positions in the old (`old`) or new drawing; a parent
// or `before` index is stored plus one, 0 meaning none (the chart container, or the end of the parent).
//   0 old                          remove the old element (the top of a removed subtree), or, given a `leaving`
//                                  array, leave it in place and add it there (motion.js fades it out)
//   1 new old                      the new element `new` is the old element `old`, kept
//   2 new nameLen valueLen         setAttribute on a kept element
//   3 new nameLen                  removeAttribute on a kept element
//   4 new textLen                  textContent on a kept element
//   5 new parent+1 before+1 tagLen n, n × (nameLen valueLen), textLen+1 (0: no text)
//                                  create an element in `namespace` (SVG for the chart, HTML for the
//                                  controls, table, details and alerts); if its parent was created by this patch it is
//                                  appended at once, otherwise it is inserted (before `before`) once the
//                                  whole patch is built, so a new subtree reaches the page in one insertion.
// Data strings reach the page only through setAttribute and textContent, never parsed as markup. (The
// module never sends `xmlns`: createElementNS gives the namespace.)
// Returns the new drawing's elements, in order, for the next patch.
export function apply_patch(container, old, ops, text, namespace, leaving) {
  const doc = container.ownerDocument;
  const nodes = [];
  const fresh = []; // true for elements this patch created
  const pending = []; // [parent, element, before] for created elements under kept parents
  let i = 0;
  let at = 0;
  const next = () => ops[i++];
  const str = () => text.slice(at, (at += ops[i++]));
  while (i < ops.length) {
    const op = next();
    if (op === 0) {
      const gone = old[next()];
      if (leaving) leaving.push(gone);
      else gone.remove();
    } else if (op === 1) {
      const n = next();
      nodes[n] = old[next()];
    } else if (op === 2) {
      const el = nodes[next()];
      const name = str();
      el.setAttribute(name, str());
    } else if (op === 3) {
      nodes[next()].removeAttribute(str());
    } else if (op === 4) {
      const el = nodes[next()];
      el.textContent = str();
    } else if (op === 5) {
      const n = next();
      const parent = next();
      const before = next();
      const el = doc.createElementNS(namespace, str());
      for (let k = next(); k > 0; k--) {
        const name = str();
        el.setAttribute(name, str());
      }
      const textLen = next();
      if (textLen) el.textContent = text.slice(at, (at += textLen - 1));
      nodes[n] = el;
      fresh[n] = true;
      if (parent && fresh[parent - 1]) nodes[parent - 1].appendChild(el);
      else pending.push(parent ? nodes[parent - 1] : container, el, before ? nodes[before - 1] : null);
    } else {
      throw new Error(`province-targets: unknown patch op ${op}`);
    }
  }
  // In document order: created siblings before the same kept element keep their order.
  for (let k = 0; k < pending.length; k += 3) pending[k].insertBefore(pending[k + 1], pending[k + 2]);
  return nodes;
}
