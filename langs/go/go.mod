// The Go scenario. The client it imports, scenario/build/closephone, is generated
// by langs/run.py and is not committed; it needs nothing outside the standard library.
module scenario

go 1.19
