package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os/exec"
	"regexp"
	"strconv"
)

// ListingFigure is one result of the listing benchmarks in backend/listing.
type ListingFigure struct {
	Name    string  `json:"name"` // the benchmark, e.g. List_Cold
	Entries int     `json:"entries"`
	Ms      float64 `json:"ms_per_listing"`
}

// benchLine matches a `go test -bench` result line such as
// "BenchmarkList_Cold/entries=10000-2   3   35123456 ns/op".
var benchLine = regexp.MustCompile(`^Benchmark(\S+?)/entries=(\d+)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op`)

// runListing runs the listing benchmarks of backend/listing (a cold read, sort and first page of
// a whole folder, and a first page from the cache) with three iterations each and parses them.
func runListing(ctx context.Context, root string, logger *slog.Logger) ([]ListingFigure, error) {
	logger.Info("running the listing benchmarks of backend/listing")
	cmd := exec.CommandContext(ctx, "go", "test", "-run", "^$", "-bench", ".", "-benchtime", "3x", "./backend/listing")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("go test -bench ./backend/listing: %w: %s", err, bytes.TrimSpace(out))
	}
	return parseListing(out)
}

func parseListing(out []byte) ([]ListingFigure, error) {
	var figures []ListingFigure
	scanner := bufio.NewScanner(bytes.NewReader(out))
	for scanner.Scan() {
		m := benchLine.FindStringSubmatch(scanner.Text())
		if m == nil {
			continue
		}
		entries, _ := strconv.Atoi(m[2])
		ns, _ := strconv.ParseFloat(m[3], 64)
		figures = append(figures, ListingFigure{Name: m[1], Entries: entries, Ms: ns / 1e6})
	}
	if len(figures) == 0 {
		return nil, fmt.Errorf("no benchmark results in the output of go test -bench ./backend/listing")
	}
	return figures, nil
}
