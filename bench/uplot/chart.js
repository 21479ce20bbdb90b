// The widget's default view with uPlot: one row per province (x scale turned vertical), a point series per
// target year, ranges drawn as a line in a draw hook (uPlot has no range-bar series).
(async () => {
  const d = await (await fetch('/dist/targets.json')).json();
  const ts = d.targets.filter((t) => t.indicator === 'digital-economy-share-grdp' && t.value != null);
  const years = [...new Set(ts.map((t) => t.year))].sort();
  const colours = ['#2e7d32', '#1f66b0', '#c05000', '#7b3294'];
  const shown = new Set(d.provinces.map((p) => p.id));
  let rows = [];
  const data = () => {
    rows = d.provinces.filter((p) => shown.has(p.id));
    const at = (p, y) => ts.find((t) => t.province === p.id && t.year === y && t.value_max == null);
    return [rows.map((_, i) => i), ...years.map((y) => rows.map((p) => at(p, y)?.value ?? null))];
  };
  const drawRanges = (u) => {
    const ctx = u.ctx;
    ctx.lineWidth = 4 * devicePixelRatio;
    rows.forEach((p, i) => {
      for (const t of ts) {
        if (t.province !== p.id || t.value_max == null) continue;
        const y = u.valToPos(i, 'x', true);
        ctx.strokeStyle = colours[years.indexOf(t.year)];
        ctx.beginPath();
        ctx.moveTo(u.valToPos(t.value, 'y', true), y);
        ctx.lineTo(u.valToPos(t.value_max, 'y', true), y);
        ctx.stroke();
      }
    });
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
  box.append(form);
  const u = new uPlot({
    width: box.clientWidth, height: 320,
    scales: {
      x: { time: false, ori: 1, dir: -1, range: () => [-0.5, rows.length - 0.5] },
      y: { ori: 0, range: [0, 40] }
    },
    axes: [
      { side: 3, size: 100, splits: () => rows.map((_, i) => i), values: (_, s) => s.map((i) => rows[i]?.name_vi) },
      { side: 2, values: (_, s) => s.map((v) => v + '%') }
    ],
    series: [{}, ...years.map((y, i) => ({
      label: String(y), stroke: colours[i], paths: () => null, points: { show: true, size: 12, fill: colours[i] }
    }))],
    hooks: { draw: [drawRanges, () => performance.mark('chart-drawn')] }
  }, data(), box);
  form.addEventListener('change', (e) => {
    if (e.target.checked) shown.add(e.target.value);
    else shown.delete(e.target.value);
    u.setData(data());
  });
})();
