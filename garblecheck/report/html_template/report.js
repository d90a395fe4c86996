/* garblecheck HTML report: draws the page from the JSON data block (text only ever goes in as
   text, never as markup), filters findings by category and severity, and moves between flagged
   sentences with the keyboard. */
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("gc-data").textContent);
  const SEVERITIES = ["error", "warning", "info"];
  const findings = new Map();   // id -> finding
  const parts = new Map();      // id -> every element that shows the finding
  const sentenceFindings = new Map(); // head sentence element -> ids of its findings
  let current = null;

  function make(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function register(id, node) {
    if (!parts.has(id)) parts.set(id, []);
    parts.get(id).push(node);
  }

  function markFor(f, cls) {
    const mark = make("mark", "f c-" + f.category + " s-" + f.severity + (cls || ""));
    mark.title = f.rule + " " + f.name + " (" + f.severity + "): " + f.message;
    return mark;
  }

  /* The highlighted text of one paragraph from the layout operations (see html_layout.py). */
  function drawText(ops, k, flagged, container) {
    const stack = [container];
    for (const op of ops) {
      const parent = stack[stack.length - 1];
      const kind = op[0];
      if (kind === "t") {
        parent.append(op[1]);
      } else if (kind === "/") {
        stack.pop();
      } else if (kind === "s") {
        const span = make("span", "sent");
        span.dataset.sentence = k + "-" + op[1];
        if (op[2]) {
          span.id = "s-" + k + "-" + op[1];
          span.dataset.head = "1";
          if (flagged.has(op[1])) span.classList.add("flagged");
        }
        parent.append(span);
        stack.push(span);
      } else if (kind === "f") {
        const mark = markFor(findings.get(op[1]));
        if (op[2]) mark.dataset.finding = op[1]; else mark.dataset.part = op[1];
        register(op[1], mark);
        parent.append(mark);
        stack.push(mark);
      } else if (kind === "p") {
        const mark = markFor(findings.get(op[1]), " point");
        mark.dataset.finding = op[1];
        register(op[1], mark);
        parent.append(mark);
      }
    }
  }

  function drawNote(note, k) {
    const card = make("div", "note" + (note.flagged ? " flagged" : ""));
    const head = note.sentence === null
      ? "Outside sentences"
      : "Sentence " + (note.sentence + 1) + " · score " + note.score.toFixed(2) +
        (note.flagged ? " · flagged" : "");
    card.append(make("div", "note-head", head));
    if (note.sentence !== null) card.dataset.sentence = k + "-" + note.sentence;
    if (note.source) {
      const quote = make("blockquote", "source");
      quote.append(make("b", null, "Source"), note.source.text);
      quote.title = "similarity " + note.source.similarity;
      card.append(quote);
    } else if (note.sentence !== null && note.flagged) {
      card.append(make("div", "empty", "No aligned source sentence."));
    }
    const list = make("ul");
    for (const id of note.findings) {
      const f = findings.get(id);
      const item = make("li", "item");
      item.dataset.note = id;
      item.append(make("span", "sev s-" + f.severity, f.severity), " ",
        make("code", null, f.rule), " ", make("span", "cat c-" + f.category, f.category),
        " ", f.message);
      if (f.suggestion) item.append(make("div", "suggest", "Suggestion: " + f.suggestion));
      item.addEventListener("click", () => showFinding(id));
      register(id, item);
      list.append(item);
    }
    card.append(list);
    return card;
  }

  function drawDocument(doc, k) {
    const section = make("section", "doc");
    section.id = "doc-" + k;
    const title = make("h2");
    title.append(make("span", "verdict v-" + doc.verdict, doc.verdict), " ", doc.path);
    section.append(title);
    const meta = "score " + doc.score.toFixed(2) + " · " + doc.flagged.length + " of " +
      doc.sentences + " sentences flagged · " + doc.findings.length + " findings" +
      (doc.source_path ? " · source: " + doc.source_path : "");
    section.append(make("p", "meta", meta));
    const body = make("details");
    body.open = doc.findings.length > 0;
    body.append(make("summary", null, body.open ? "Text" : "Text (nothing found)"));
    const flagged = new Set(doc.flagged);
    for (const row of doc.rows) {
      const line = make("div", "row k-" + row.kind);
      const text = make("div", "text");
      drawText(row.ops, k, flagged, text);
      const notes = make("aside", "notes");
      for (const note of row.notes) notes.append(drawNote(note, k));
      line.append(text, notes);
      body.append(line);
      for (const note of row.notes) {
        const head = note.sentence === null ? null
          : text.querySelector("#s-" + k + "-" + note.sentence);
        if (head) sentenceFindings.set(head, note.findings);
      }
    }
    section.append(body);
    return section;
  }

  function drawOverview() {
    const table = make("table");
    const header = make("tr");
    for (const [name, cls] of [["Document"], ["Verdict"], ["Score", "num"],
      ["Flagged", "num"], ["Findings", "num"], ["Source"]]) {
      header.append(make("th", cls, name));
    }
    const thead = make("thead");
    thead.append(header);
    table.append(thead);
    const rows = make("tbody");
    data.documents.forEach((doc, k) => {
      const tr = make("tr");
      const link = make("a", null, doc.path);
      link.href = "#doc-" + k;
      const name = make("td");
      name.append(link);
      const verdict = make("td");
      verdict.append(make("span", "verdict v-" + doc.verdict, doc.verdict));
      tr.append(name, verdict, make("td", "num", doc.score.toFixed(2)),
        make("td", "num", doc.flagged.length + " / " + doc.sentences),
        make("td", "num", doc.findings.length), make("td", null, doc.source_path || ""));
      rows.append(tr);
    });
    table.append(rows);
    const overview = document.getElementById("overview");
    overview.append(table);
    if (data.errors.length) {
      const list = make("ul", "errors");
      for (const e of data.errors) list.append(make("li", null, (e.path || "<stdin>") + ": " + e.error));
      overview.append(make("h2", null, "Not checked"), list);
    }
  }

  function drawFilters() {
    const count = (key, value) => {
      let n = 0;
      for (const f of findings.values()) if (f[key] === value) n += 1;
      return n;
    };
    const add = (fieldset, key, value, swatch) => {
      const label = make("label");
      const box = make("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset.filter = key;
      box.value = value;
      box.addEventListener("change", applyFilters);
      label.append(box);
      if (swatch) label.append(make("span", "swatch c-" + value));
      label.append(value + " ", make("span", "count", "(" + count(key, value) + ")"));
      fieldset.append(label);
    };
    const severity = document.getElementById("filter-severity");
    for (const s of SEVERITIES) add(severity, "severity", s, false);
    const category = document.getElementById("filter-category");
    for (const c of data.categories) if (count("category", c)) add(category, "category", c, true);
  }

  function applyFilters() {
    const on = { severity: new Set(), category: new Set() };
    for (const box of document.querySelectorAll("input[data-filter]")) {
      if (box.checked) on[box.dataset.filter].add(box.value);
    }
    for (const [id, f] of findings) {
      const hidden = !(on.severity.has(f.severity) && on.category.has(f.category));
      for (const node of parts.get(id) || []) node.classList.toggle("off", hidden);
    }
    for (const card of document.querySelectorAll(".note")) {
      card.hidden = !card.querySelector(".item:not(.off)");
    }
  }

  function visible(id) {
    const nodes = parts.get(id);
    return Boolean(nodes && !nodes[0].classList.contains("off"));
  }

  function focusSentence(head) {
    if (current) current.classList.remove("current");
    for (const card of document.querySelectorAll(".note.current")) card.classList.remove("current");
    current = head;
    head.classList.add("current");
    const details = head.closest("details");
    if (details) details.open = true;
    head.scrollIntoView({ block: "center" });
    const card = document.querySelector('.note[data-sentence="' + head.dataset.sentence + '"]');
    if (card) card.classList.add("current");
  }

  /* The next (step 1) or previous (step -1) flagged sentence with a finding still shown. */
  function move(step) {
    const targets = Array.from(document.querySelectorAll(".sent.flagged[data-head]"))
      .filter((head) => (sentenceFindings.get(head) || []).some(visible));
    if (!targets.length) return;
    let at = targets.indexOf(current);
    at = at < 0 ? (step > 0 ? 0 : targets.length - 1)
      : (at + step + targets.length) % targets.length;
    focusSentence(targets[at]);
  }

  function showFinding(id) {
    const mark = document.querySelector('[data-finding="' + id + '"]');
    if (!mark) return;
    const head = mark.closest(".sent");
    if (head && head.dataset.head) focusSentence(head); else mark.scrollIntoView({ block: "center" });
    mark.classList.add("flash");
    setTimeout(() => mark.classList.remove("flash"), 1200);
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) &&
      target.type !== "checkbox")) return;
    if (event.key === "j" || event.key === "n") move(1);
    else if (event.key === "k" || event.key === "p") move(-1);
    else return;
    event.preventDefault();
  }

  const s = data.summary;
  document.getElementById("summary").textContent = s.documents + " document(s), " +
    s.sentences + " sentences, " + s.flagged + " flagged, " + s.findings + " findings" +
    (data.errors.length ? ", " + data.errors.length + " not checked" : "") +
    " · garblecheck " + data.garblecheck;
  for (const doc of data.documents) for (const f of doc.findings) findings.set(f.id, f);
  drawOverview();
  const list = document.getElementById("documents");
  data.documents.forEach((doc, k) => list.append(drawDocument(doc, k)));
  drawFilters();
  document.addEventListener("keydown", onKey);
  document.addEventListener("click", (event) => {
    const mark = event.target.closest && event.target.closest("mark.f:not(.off)");
    if (!mark) return;
    const id = mark.dataset.finding || mark.dataset.part;
    const item = document.querySelector('.item[data-note="' + id + '"]');
    const head = mark.closest(".sent");
    if (head && head.dataset.head) focusSentence(head);
    if (item) item.scrollIntoView({ block: "nearest" });
  });
})();
