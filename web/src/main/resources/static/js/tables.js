// Sorts any <table class="sortable"> by a click on a column header (again: the other way). Cells sort by their
// data-sort or data-exact attribute when present (exact amounts, ISO days), otherwise by their text; numbers as
// numbers. Headers marked data-nosort stay put.
(function () {
  'use strict';

  function key(cell) {
    if (!cell) {
      return '';
    }
    var raw = cell.getAttribute('data-sort') || cell.getAttribute('data-exact') || cell.textContent.trim();
    var number = raw.replace(/[^0-9.eE+-]/g, '');
    if (number !== '' && /^[^A-Za-z]*[0-9]/.test(raw) && !isNaN(Number(number)) && !/^\d{4}-\d{2}-\d{2}/.test(raw)) {
      return Number(number);
    }
    return raw.toLowerCase();
  }

  function sortBy(table, header, index) {
    var body = table.tBodies[0];
    if (!body) {
      return;
    }
    var ascending = header.getAttribute('aria-sort') !== 'ascending';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[index]);
      var y = key(b.cells[index]);
      var order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll('thead th').forEach(function (th) { th.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }

  function enable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (header, index) {
      if (header.hasAttribute('data-nosort')) {
        return;
      }
      header.classList.add('sortable-header');
      header.setAttribute('tabindex', '0');
      header.setAttribute('title', 'Sort by this column');
      header.addEventListener('click', function () { sortBy(table, header, index); });
      header.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          sortBy(table, header, index);
        }
      });
    });
  }

  function enableAll() {
    document.querySelectorAll('table.sortable').forEach(enable);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', enableAll);
  } else {
    enableAll();
  }
})();
