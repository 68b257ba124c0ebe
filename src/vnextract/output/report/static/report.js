/* vnextract review report: decisions, popovers, sorting and the all-records table.
   Article text reaches the page only through textContent, never innerHTML. */
(function () {
  "use strict";
  var body = document.body;
  var KEY = "vnextract:decisions:" + body.dataset.reportKey;
  var REVIEWER_KEY = "vnextract:reviewer";
  var FIELDS = ["record_id", "doc_id", "decision", "note", "reviewer", "decided_at"];

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function readJSON(id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; }

  /* ---- decisions, kept in localStorage so a reload loses nothing ---- */
  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "{}"); } catch (e) { return {}; }
  }
  var decisions = load();
  function save() { localStorage.setItem(KEY, JSON.stringify(decisions)); updateCount(); }
  function updateCount() {
    var n = Object.keys(decisions).length, el = $("#decided-count");
    if (el) { el.dataset.count = String(n); el.textContent = n + " decided"; }
  }
  function isoNow() { return new Date().toISOString().replace(/\.\d{3}Z$/, "Z"); }

  function decide(recordId, docId, decision, note) {
    var reviewer = ($("#reviewer") || {}).value || "";
    decisions[recordId] = {
      record_id: recordId, doc_id: docId, decision: decision,
      note: note || "", reviewer: reviewer, decided_at: isoNow()
    };
    save();
    paint(recordId);
  }

  function paint(recordId) {
    var d = decisions[recordId], state = d ? d.decision : null;
    $all('[data-row-id="' + CSS.escape(recordId) + '"], mark[data-record-id="' + CSS.escape(recordId) + '"]')
      .forEach(function (el) {
        el.classList.toggle("accepted", state === "accepted");
        el.classList.toggle("rejected", state === "rejected");
        var note = $(".decide .note", el);
        if (note && d && document.activeElement !== note) { note.value = d.note; }
      });
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest(".decide button");
    if (!button) { return; }
    var box = button.closest(".decide");
    var id = box.dataset.decideFor;
    if (decisions[id] && decisions[id].decision === button.dataset.decision) {
      delete decisions[id]; save(); paint(id);  // a second click takes the decision back
    } else {
      decide(id, box.dataset.docId, button.dataset.decision, $(".note", box).value);
    }
  });
  document.addEventListener("change", function (ev) {
    if (!ev.target.matches(".decide .note")) { return; }
    var id = ev.target.closest(".decide").dataset.decideFor;
    if (decisions[id]) { decisions[id].note = ev.target.value; decisions[id].decided_at = isoNow(); save(); }
  });

  function csvCell(value) {
    var s = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function rowsOut() {
    return Object.keys(decisions).sort().map(function (k) {
      var d = decisions[k], out = {};
      FIELDS.forEach(function (f) { out[f] = d[f] === undefined ? "" : d[f]; });
      return out;
    });
  }
  function download(name, type, text) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  function exportCSV() {
    var lines = [FIELDS.join(",")].concat(rowsOut().map(function (r) {
      return FIELDS.map(function (f) { return csvCell(r[f]); }).join(",");
    }));
    download("decisions.csv", "text/csv;charset=utf-8", lines.join("\r\n") + "\r\n");
  }
  function exportJSON() {
    download("decisions.json", "application/json", JSON.stringify(rowsOut(), null, 1) + "\n");
  }
  function parseCSV(text) {
    var rows = [], row = [], cell = "", quoted = false, i, c;
    for (i = 0; i < text.length; i++) {
      c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
        else if (c === '"') { quoted = false; }
        else { cell += c; }
      } else if (c === '"') { quoted = true; }
      else if (c === ",") { row.push(cell); cell = ""; }
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") { i++; }
        row.push(cell); rows.push(row); row = []; cell = "";
      } else { cell += c; }
    }
    if (cell || row.length) { row.push(cell); rows.push(row); }
    var head = rows.shift() || [];
    return rows.filter(function (r) { return r.length > 1; }).map(function (r) {
      var o = {}; head.forEach(function (h, j) { o[h.replace(/^\ufeff/, "")] = r[j] || ""; }); return o;
    });
  }
  function importFile(file) {
    file.text().then(function (text) {
      var list = /^\s*\[/.test(text) ? JSON.parse(text) : parseCSV(text), n = 0;
      list.forEach(function (d) {
        if (d && d.record_id && (d.decision === "accepted" || d.decision === "rejected")) {
          var o = {}; FIELDS.forEach(function (f) { o[f] = d[f] || ""; });
          decisions[d.record_id] = o; n++;
        }
      });
      save();
      Object.keys(decisions).forEach(paint);
      alert(n + " decisions imported.");
    }).catch(function (e) { alert("Could not read the decisions file: " + e.message + ". Export one from this report and try again."); });
  }

  /* ---- popover with a record's fields ---- */
  var pop = $("#popover");
  function showRecord(rec, anchor) {
    if (!pop || !rec) { return; }
    pop.textContent = "";
    var dl = document.createElement("dl");
    Object.keys(rec).forEach(function (k) {
      var v = rec[k];
      if (/^(sentence|href|flags|flag_text|flag_label)$/.test(k) || v === null || v === "") { return; }
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = k; dd.textContent = String(v);
      dl.appendChild(dt); dl.appendChild(dd);
    });
    (rec.flag_text || []).forEach(function (t) {
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = "flag"; dd.textContent = t; dl.appendChild(dt); dl.appendChild(dd);
    });
    pop.appendChild(dl);
    pop.hidden = false;
    var r = anchor.getBoundingClientRect();
    pop.style.left = Math.max(8, Math.min(r.left, window.innerWidth - pop.offsetWidth - 8)) + "px";
    var top = r.bottom + 6;
    if (top + pop.offsetHeight > window.innerHeight) { top = Math.max(8, r.top - pop.offsetHeight - 6); }
    pop.style.top = top + "px";
  }
  function hidePopover() { if (pop) { pop.hidden = true; } }

  function focusRecord(id) {
    var mark = document.getElementById("r-" + id);
    if (!mark) { return; }
    $all(".focus").forEach(function (el) { el.classList.remove("focus"); });
    scrollWithin($("#text"), mark);
    mark.classList.add("focus");
    var row = $('[data-row-id="' + CSS.escape(id) + '"]');
    if (row) { row.classList.add("focus"); scrollWithin($(".side"), row); }
  }
  /* Centre el in its own scrolling pane without moving the window, so the header and
     the table stay put; on narrow screens the panes do not scroll and the window does. */
  function scrollWithin(pane, el) {
    if (pane && pane.scrollHeight > pane.clientHeight && getComputedStyle(pane).overflowY !== "visible") {
      var e = el.getBoundingClientRect(), p = pane.getBoundingClientRect();
      pane.scrollTop += e.top - p.top - (p.height - e.height) / 2;
    } else {
      el.scrollIntoView({ block: "center" });
    }
  }

  function initDocument() {
    var list = readJSON("records-data") || [], byId = {};
    list.forEach(function (r) { byId[r.record_id] = r; });
    var text = $("#text");
    text.addEventListener("click", function (ev) {
      var mark = ev.target.closest("mark.rec");
      if (!mark) { hidePopover(); return; }
      var id = mark.dataset.recordId || mark.dataset.recordPart;
      focusRecord(id);
      showRecord(byId[id], mark);
    });
    text.addEventListener("mouseover", function (ev) {
      var mark = ev.target.closest("mark.rec");
      if (mark) { showRecord(byId[mark.dataset.recordId || mark.dataset.recordPart], mark); }
    });
    text.addEventListener("mouseleave", hidePopover);
    $("#doc-records").addEventListener("click", function (ev) {
      var link = ev.target.closest("a.goto");
      if (!link) { return; }
      ev.preventDefault();
      history.replaceState(null, "", "#r-" + link.dataset.goto);
      focusRecord(link.dataset.goto);
    });
    if (location.hash.indexOf("#r-") === 0) { focusRecord(decodeURIComponent(location.hash.slice(3))); }
  }

  /* ---- sortable server-rendered tables (the index) ---- */
  function initSortable(table) {
    $all("th", table).forEach(function (th, col) {
      th.addEventListener("click", function () {
        var num = th.dataset.type === "num", asc = th.getAttribute("aria-sort") !== "ascending";
        $all("th", table).forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var tbody = table.tBodies[0], rows = Array.prototype.slice.call(tbody.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent, y = b.cells[col].textContent;
          var c = num ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, "vi");
          return asc ? c : -c;
        });
        var frag = document.createDocumentFragment();
        rows.forEach(function (r) { frag.appendChild(r); });
        tbody.appendChild(frag);
      });
    });
  }

  /* ---- the all-records table: filter, sort and page in memory, draw one page ---- */
  function initRecords() {
    var all = readJSON("records-data") || [], flagText = readJSON("flag-text") || {};
    var flagLabel = readJSON("flag-label") || {};
    var PAGE = 200, page = 0, shown = all, sortKey = null, asc = true;
    var tbody = $("#all-records tbody"), filters = {};
    var decideTemplate = document.createElement("span");
    decideTemplate.className = "decide";
    [["ok", "accepted", "✓", "Right"], ["no", "rejected", "✗", "Wrong"]].forEach(function (b) {
      var el = document.createElement("button");
      el.type = "button"; el.className = b[0]; el.dataset.decision = b[1]; el.textContent = b[2]; el.title = b[3];
      decideTemplate.appendChild(el);
    });
    var noteInput = document.createElement("input");
    noteInput.type = "text"; noteInput.className = "note"; noteInput.placeholder = "note"; noteInput.size = 8;
    decideTemplate.appendChild(noteInput);

    function cell(tr, text) { var td = document.createElement("td"); td.textContent = text === null || text === undefined ? "" : text; tr.appendChild(td); return td; }
    function draw() {
      var frag = document.createDocumentFragment(), start = page * PAGE;
      shown.slice(start, start + PAGE).forEach(function (r) {
        var tr = document.createElement("tr");
        tr.dataset.rowId = r.record_id;
        if (r.flags.length) { tr.className = "flagged"; }
        var a = document.createElement("a"); a.href = r.href; a.textContent = r.doc_id;
        cell(tr, "").appendChild(a);
        cell(tr, r.value_text).className = "n";
        var value = cell(tr, r.value_shown);
        value.className = "n value";
        if (r.estimated) {
          var est = document.createElement("abbr");
          est.className = "est"; est.title = "an estimate, not a final figure"; est.textContent = "est.";
          value.appendChild(document.createTextNode(" ")); value.appendChild(est);
        }
        cell(tr, r.unit); cell(tr, r.subject); cell(tr, r.indicator_id); cell(tr, r.province);
        cell(tr, r.period); cell(tr, r.kind);
        var ft = cell(tr, "");
        r.flags.forEach(function (f) { var s = document.createElement("span"); s.className = "flag"; s.title = flagText[f] || f; s.textContent = flagLabel[f] || f; ft.appendChild(s); });
        var st = cell(tr, ""); st.className = "sentence";
        var b = document.createElement("b"); b.textContent = r.sentence[1];
        st.appendChild(document.createTextNode(r.sentence[0])); st.appendChild(b); st.appendChild(document.createTextNode(r.sentence[2]));
        var box = decideTemplate.cloneNode(true);
        box.dataset.decideFor = r.record_id; box.dataset.docId = r.doc_id;
        cell(tr, "").appendChild(box);
        frag.appendChild(tr);
      });
      tbody.textContent = "";
      tbody.appendChild(frag);
      tbody.querySelectorAll("tr").forEach(function (tr) { if (decisions[tr.dataset.rowId]) { paint(tr.dataset.rowId); } });
      var count = $("#match-count");
      count.dataset.count = String(shown.length);
      count.textContent = shown.length + " of " + all.length + " records";
      var pages = Math.max(1, Math.ceil(shown.length / PAGE));
      $("#page-info").textContent = "page " + (page + 1) + " of " + pages;
      $("#prev-page").disabled = page === 0;
      $("#next-page").disabled = page + 1 >= pages;
    }
    function apply() {
      var q = (filters.q || "").toLowerCase();
      shown = all.filter(function (r) {
        for (var k in filters) {
          if (k === "q" || filters[k] === "*") { continue; }
          if (k === "flags") { if (r.flags.indexOf(filters[k]) < 0) { return false; } }
          else if ((r[k] === null ? "" : String(r[k])) !== filters[k]) { return false; }
        }
        return !q || (r.subject || "").toLowerCase().indexOf(q) >= 0 || r.sentence.join("").toLowerCase().indexOf(q) >= 0;
      });
      if (sortKey) {
        var num = sortKey === "value";
        shown.sort(function (a, b) {
          var x = a[sortKey], y = b[sortKey], c;
          if (num) { c = (x === null ? -Infinity : x) - (y === null ? -Infinity : y); }
          else { c = String(x === null ? "" : x).localeCompare(String(y === null ? "" : y), "vi"); }
          return asc ? c : -c;
        });
      }
      page = 0;
      draw();
    }
    $all("#filters [data-filter]").forEach(function (el) {
      filters[el.dataset.filter] = el.value;
      el.addEventListener("input", function () { filters[el.dataset.filter] = el.value; apply(); });
    });
    $all("#all-records th[data-sort]").forEach(function (th) {
      th.addEventListener("click", function () {
        asc = sortKey === th.dataset.sort ? !asc : true;
        sortKey = th.dataset.sort;
        $all("#all-records th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        apply();
      });
    });
    $("#prev-page").addEventListener("click", function () { if (page > 0) { page--; draw(); } });
    $("#next-page").addEventListener("click", function () { page++; draw(); });
    apply();
  }

  var reviewer = $("#reviewer");
  if (reviewer) {
    reviewer.value = localStorage.getItem(REVIEWER_KEY) || "";
    reviewer.addEventListener("change", function () { localStorage.setItem(REVIEWER_KEY, reviewer.value); });
  }
  $("#export-csv").addEventListener("click", exportCSV);
  $("#export-json").addEventListener("click", exportJSON);
  $("#import-decisions").addEventListener("change", function (ev) { if (ev.target.files[0]) { importFile(ev.target.files[0]); } });

  var kind = body.dataset.page;
  if (kind === "document") { initDocument(); }
  if (kind === "records") { initRecords(); }
  $all("table.sortable").forEach(initSortable);
  Object.keys(decisions).forEach(paint);
  updateCount();
  document.documentElement.dataset.ready = "1";
})();
