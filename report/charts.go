package report

import (
	"fmt"
	"strconv"
)

// The charts of the HTML page, drawn as inline SVG: the geometry is
// computed here, the markup is in templates/report.html.tmpl.

type charts struct {
	Months    barChart
	OnTime    gauge
	Histogram barChart
	Legend    []legendItem
}

type barChart struct {
	Width, Height int
	Bars          []rect
	Labels        []label
	Axis          []label
	BaseY         int
}

type rect struct {
	X, Y, W, H int
	Fill       string
	Title      string
}

type label struct {
	X, Y   int
	Text   string
	Anchor string
}

type legendItem struct {
	Kind, Fill string
}

type gauge struct {
	Width, Height int
	Bar           rect
	TargetX       int
	Ticks         []label
	Share, Target string
	Met           bool
	Empty         bool
}

// palette colours each kind (colour-blind-safe hues).
var palette = map[string]string{"delete": "#0072b2", "opt_out": "#e69f00", "opt_in": "#009e73", "solicit_opt_in": "#cc79a7"}

func fill(kind string) string {
	if c, ok := palette[kind]; ok {
		return c
	}
	return "#999999"
}

const (
	chartW, chartH = 640, 240
	left, bottom   = 40, 40
	top            = 20
	maxBarW        = 64 // a month's one bar stays a bar
)

func chartsOf(r *Report, kinds []string) charts {
	var c charts
	for _, k := range kinds {
		c.Legend = append(c.Legend, legendItem{Kind: k, Fill: fill(k)})
	}
	// requests per month, stacked by kind
	maxMonth := 1
	for _, m := range r.Months {
		maxMonth = max(maxMonth, m.Total)
	}
	c.Months = bars(len(r.Months), maxMonth, func(i int, x, w int, scale func(int) int) ([]rect, label) {
		m := r.Months[i]
		y := chartH - bottom
		var out []rect
		for _, k := range kinds {
			n := m.ByKind[k]
			if n == 0 {
				continue
			}
			h := scale(n)
			y -= h
			out = append(out, rect{X: x, Y: y, W: w, H: h, Fill: fill(k), Title: fmt.Sprintf("%s %s: %d", m.Month, k, n)})
		}
		return out, label{X: x + w/2, Y: chartH - bottom + 16, Text: m.Month[5:], Anchor: "middle"}
	})
	// days to respond
	maxBucket := 1
	for _, b := range r.Histogram {
		maxBucket = max(maxBucket, b.Count)
	}
	c.Histogram = bars(len(r.Histogram), maxBucket, func(i int, x, w int, scale func(int) int) ([]rect, label) {
		b := r.Histogram[i]
		h := scale(b.Count)
		return []rect{{X: x, Y: chartH - bottom - h, W: w, H: h, Fill: fill("delete"), Title: fmt.Sprintf("%s days: %d", b.Label, b.Count)}},
			label{X: x + w/2, Y: chartH - bottom + 16, Text: b.Label, Anchor: "middle"}
	})
	// on time vs target
	const gw, gx = 600, 20
	g := gauge{Width: chartW, Height: 80, TargetX: gx + int(float64(gw)*r.Targets.OnTimeAbove), Target: pctText(r.Targets.OnTimeAbove, 0)}
	for _, p := range []int{0, 25, 50, 75, 100} {
		g.Ticks = append(g.Ticks, label{X: gx + gw*p/100, Y: 70, Text: strconv.Itoa(p) + " %", Anchor: "middle"})
	}
	if r.OnTime.Share == nil {
		g.Empty = true
	} else {
		s := *r.OnTime.Share
		g.Share = pctText(s, 1)
		g.Met = r.OnTime.Met != nil && *r.OnTime.Met
		colour := "#d55e00"
		if g.Met {
			colour = "#009e73"
		}
		g.Bar = rect{X: gx, Y: 20, W: int(float64(gw) * s), H: 30, Fill: colour, Title: "on time: " + g.Share}
	}
	c.OnTime = g
	return c
}

// bars lays out n bars over the chart's width with a y scale to maxValue.
func bars(n, maxValue int, draw func(i, x, w int, scale func(int) int) ([]rect, label)) barChart {
	c := barChart{Width: chartW, Height: chartH, BaseY: chartH - bottom}
	if n == 0 {
		return c
	}
	plotH := chartH - bottom - top
	scale := func(v int) int { return v * plotH / maxValue }
	slot := (chartW - left - 10) / n
	w := min(max(slot*7/10, 1), maxBarW)
	for i := range n {
		x := left + i*slot + (slot-w)/2
		rs, l := draw(i, x, w, scale)
		c.Bars = append(c.Bars, rs...)
		c.Labels = append(c.Labels, l)
	}
	for _, v := range []int{0, maxValue / 2, maxValue} {
		c.Axis = append(c.Axis, label{X: left - 6, Y: chartH - bottom - scale(v) + 4, Text: strconv.Itoa(v), Anchor: "end"})
	}
	return c
}

func pctText(x float64, places int) string {
	return strconv.FormatFloat(x*100, 'f', places, 64) + " %"
}
