// The widget's default view with Chart.js: one row per province, a point per target year, ranges as a bar.
(async () => {
  const d = await (await fetch('/dist/targets.json')).json();
  const ts = d.targets.filter((t) => t.indicator === 'digital-economy-share-grdp' && t.value != null);
  const years = [...new Set(ts.map((t) => t.year))].sort();
  const colour = (y) => ['#2e7d32', '#1f66b0', '#c05000', '#7b3294'][years.indexOf(y)];
  const name = Object.fromEntries(d.provinces.map((p) => [p.id, p.name_vi]));
  const shown = new Set(d.provinces.map((p) => p.id));
  const data = () => {
    const mine = ts.filter((t) => shown.has(t.province));
    const ranges = mine.filter((t) => t.value_max != null);
    return {
      labels: d.provinces.filter((p) => shown.has(p.id)).map((p) => p.name_vi),
      datasets: years.map((y) => ({
        type: 'scatter', label: String(y), backgroundColor: colour(y), pointRadius: 6,
        data: mine.filter((t) => t.year === y && t.value_max == null).map((t) => ({ x: t.value, y: name[t.province] }))
      })).concat({
        type: 'bar', label: 'khoảng', barThickness: 4, backgroundColor: ranges.map((t) => colour(t.year)),
        data: ranges.map((t) => ({ x: [t.value, t.value_max], y: name[t.province] }))
      })
    };
  };
  const box = document.getElementById('chart');
  const form = document.createElement('div');
  for (const p of d.provinces) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = true;
    input.value = p.id;
    label.append(input, p.name_vi + ' ');
    form.append(label);
  }
  const canvas = document.createElement('canvas');
  box.append(form, canvas);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: data(),
    options: {
      indexAxis: 'y', animation: false,
      scales: { x: { beginAtZero: true, ticks: { callback: (v) => v + '%' } }, y: { type: 'category' } }
    },
    plugins: [{ id: 'drawn', afterRender: () => performance.mark('chart-drawn') }]
  });
  form.addEventListener('change', (e) => {
    if (e.target.checked) shown.add(e.target.value);
    else shown.delete(e.target.value);
    chart.data = data();
    chart.update();
  });
})();
