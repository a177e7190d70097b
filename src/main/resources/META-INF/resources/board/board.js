// driftwatch board: small progressive enhancements; every page works without them.
(function () {
  "use strict";

  function copyButtons(root) {
    root.querySelectorAll("pre[data-copyable]").forEach(function (pre) {
      if (pre.previousElementSibling && pre.previousElementSibling.classList.contains("copy")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy this block");
      button.dataset.copyFrom = "next";
      pre.parentNode.insertBefore(button, pre);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy");
    if (!button) return;
    var text = button.dataset.copyFrom === "next" ? button.nextElementSibling.textContent : button.dataset.copy;
    var done = function () {
      button.textContent = "Copied";
      button.dataset.copied = text;
      setTimeout(function () { button.textContent = "Copy"; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, done);
    } else {
      var area = document.createElement("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); } catch (e) { /* the text stays selectable */ }
      document.body.removeChild(area);
      done();
    }
  });

  function autosubmit() {
    document.querySelectorAll("form[data-autosubmit] select").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
  }

  function refreshFleet() {
    var body = document.getElementById("fleet-rows");
    if (!body) return;
    var etag = null;
    setInterval(function () {
      if (document.hidden) return;
      var headers = etag ? { "If-None-Match": etag } : {};
      fetch(body.dataset.refresh, { headers: headers, credentials: "same-origin" }).then(function (response) {
        if (response.status !== 200) return null;
        etag = response.headers.get("ETag");
        return response.text();
      }).then(function (html) {
        if (html !== null && html !== undefined) { body.innerHTML = html; relativeTimes(body); }
      }).catch(function () { /* the next poll tries again */ });
    }, 10000);
  }

  function chart() {
    var element = document.getElementById("chart");
    if (!element || typeof uPlot === "undefined") return;
    var rows = JSON.parse(element.dataset.series || "[]");
    if (rows.length < 2) { element.textContent = "Not enough audits for a chart yet."; return; }
    var data = [[], [], [], []];
    rows.forEach(function (row) { for (var i = 0; i < 4; i++) data[i].push(row[i]); });
    new uPlot({
      width: Math.min(element.clientWidth || 600, 900), height: 200,
      series: [{}, { label: "errors", stroke: "#a4000f" }, { label: "warnings", stroke: "#c98a00" }, { label: "info", stroke: "#4a4a4a" }]
    }, data, element);
  }

  // Times are written absolute (so an unchanged page keeps its ETag) and shown relative here.
  function span(seconds) {
    seconds = Math.max(0, Math.round(seconds));
    if (seconds < 90) return seconds + " s";
    if (seconds < 5400) return Math.round(seconds / 60) + " min";
    if (seconds < 129600) return Math.round(seconds / 3600) + " h";
    return Math.round(seconds / 86400) + " d";
  }

  function relativeTimes(root) {
    var now = Date.now();
    root.querySelectorAll("time[data-ago], time[data-in]").forEach(function (time) {
      var at = Date.parse(time.getAttribute("datetime"));
      if (isNaN(at)) return;
      time.title = time.getAttribute("datetime");
      time.textContent = time.hasAttribute("data-ago") ? span((now - at) / 1000) + " ago" : "in " + span((at - now) / 1000);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    relativeTimes(document);
    setInterval(function () { relativeTimes(document); }, 30000);
    copyButtons(document);
    autosubmit();
    refreshFleet();
    chart();
  });
})();
