package main

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// Chart layout, in SVG user units.
const (
	chartWidth  = 760
	labelWidth  = 120
	valueWidth  = 220
	barHeight   = 16
	barGap      = 6
	groupHeader = 30
	chartTop    = 46
)

// peerColors gives the app's peers one hue and every other peer its own.
var peerColors = map[string]string{
	"app": "#1f6feb", "app-nocache": "#58a6ff", "serve": "#0b4fb3",
	"sharp": "#8250df", "floor": "#57606a", "imagor": "#bf8700",
}

// renderChart draws the median cold 256 px thumbnails per second of each peer at one request
// per CPU in flight, one group per corpus set, with a whisker for the range over rounds. Each
// group has its own scale. Cache reads (app-warm) are left out: they are a hundred times faster
// and would flatten every other bar.
func renderChart(r Report) string {
	conc := concurrencies()[len(concurrencies())-1]
	type group struct {
		set  string
		bars []Figure
	}
	var groups []group
	rows := 0
	for _, s := range r.Corpus.Sets {
		g := group{set: s.Name}
		for _, f := range r.Figures {
			if f.Set == s.Name && f.Spec == specs[0].Name && f.Concurrency == conc && f.Peer != "app-warm" {
				g.bars = append(g.bars, f)
			}
		}
		if len(g.bars) > 0 {
			sortFigures(g.bars, r.Peers)
			groups = append(groups, g)
			rows += len(g.bars)
		}
	}
	height := chartTop + len(groups)*groupHeader + rows*(barHeight+barGap) + 10

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="DejaVu Sans, sans-serif" font-size="12">`+"\n",
		chartWidth, height, chartWidth, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="#ffffff"/>`+"\n")
	fmt.Fprintf(&b, `<text x="10" y="20" font-size="14" font-weight="bold">Cold 256 px WebP q80 thumbnails per second, %d in flight (median, range over %d rounds)</text>`+"\n", conc, r.Rounds)
	fmt.Fprintf(&b, `<text x="10" y="36" fill="#57606a">commit %s, %s, %d CPUs; each group has its own scale</text>`+"\n",
		html.EscapeString(r.Commit), html.EscapeString(r.Date), r.Machine.CPUs)
	y := chartTop
	for _, g := range groups {
		y = drawGroup(&b, g.set, g.bars, y)
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func drawGroup(b *strings.Builder, set string, bars []Figure, y int) int {
	fmt.Fprintf(b, `<text x="10" y="%d" font-weight="bold">%s</text>`+"\n", y+18, html.EscapeString(set))
	y += groupHeader
	scale := 0.0
	for _, f := range bars {
		scale = math.Max(scale, f.ImagesPerSec.Max)
	}
	span := float64(chartWidth - labelWidth - valueWidth)
	for _, f := range bars {
		color := peerColors[f.Peer]
		if color == "" {
			color = "#6e7781"
		}
		w := span * f.ImagesPerSec.Median / scale
		lo, hi := span*f.ImagesPerSec.Min/scale, span*f.ImagesPerSec.Max/scale
		mid := y + barHeight/2
		fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", labelWidth-8, y+12, html.EscapeString(f.Peer))
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`+"\n", labelWidth, y, w, barHeight, color)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#24292f"/>`+"\n", labelWidth+lo, mid, labelWidth+hi, mid)
		label := fmt.Sprintf("%.1f/s (%.1f–%.1f)", f.ImagesPerSec.Median, f.ImagesPerSec.Min, f.ImagesPerSec.Max)
		if f.CPUMsPerImg > 0 {
			label += fmt.Sprintf(", %.0f ms CPU", f.CPUMsPerImg)
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%d">%s</text>`+"\n", labelWidth+math.Max(w, hi)+6, y+12, label)
		y += barHeight + barGap
	}
	return y
}
