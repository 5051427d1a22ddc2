#!/usr/bin/env bash
# Gets the public image corpora the metadata comparison runs over, at the
# commits measured in BENCHMARKS.md, into CORPORA (default /work/corpora;
# about 100 MB, kept outside the repository):
#   exiftool/exiftool   t/images   (exiftool's own test images; Perl Artistic/GPL)
#   ianare/exif-samples (whole repository; MIT)
#   Exiv2/exiv2         test/data  (exiv2's test data; GPL-2.0)
#
#   benches/metadata/get.sh [CORPORA]
set -euo pipefail
CORPORA=${1:-/work/corpora}
mkdir -p "$CORPORA"
get() { # repository commit folder-in-repository name
    local repo=$1 commit=$2 sub=$3 name=$4 tmp
    if [ -d "$CORPORA/$name" ]; then echo "$CORPORA/$name exists, kept"; return; fi
    tmp=$(mktemp -d)
    git clone --quiet --filter=blob:none --no-checkout "https://github.com/$repo" "$tmp"
    if [ -n "$sub" ]; then git -C "$tmp" sparse-checkout set --no-cone "/$sub/"; fi
    git -C "$tmp" checkout --quiet "$commit"
    mkdir -p "$CORPORA/$name"
    (cd "$tmp" && git ls-files -z ${sub:+"$sub"} | xargs -0 tar -cf -) | tar -xf - -C "$CORPORA/$name"
    rm -rf "$tmp"
}
get exiftool/exiftool 38bdbace3037a89d2c332664fc60bddad118958a t/images exiftool
get ianare/exif-samples 5332a9cf0220e9c6c93f88a187daa90808051e10 "" exif-samples
get Exiv2/exiv2 e84cb9db060527416a43f3d257656331c85aff28 test/data exiv2
