"""Makes a slimmer WenQuanYi Micro Hei for DealerOps' PDFs from wqy-microhei.ttc (Debian fonts-wqy-microhei).

The first font of the collection, with the same glyphs and metrics, but: one cmap subtable (Windows, full Unicode,
format 12) instead of five, a 'post' table without glyph names (version 3), and no vertical metrics. fontbox parses
every cmap subtable and every glyph name into the heap; this keeps what a PDF needs. The output is the same bytes
every time (it reproduces the committed file from fonts-wqy-microhei 0.2.0-beta-3.1):
    apt-get install fonts-wqy-microhei   # or: apt-get download fonts-wqy-microhei && dpkg-deb -x *.deb DIR
    python3 src/tools/slim-font.py /usr/share/fonts/truetype/wqy/wqy-microhei.ttc src/main/resources/fonts/wqy-microhei-pdf.ttf
"""
import struct
import sys


def checksum(data):
    data += b'\0' * ((4 - len(data) % 4) % 4)
    return sum(struct.unpack('>%dI' % (len(data) // 4), data)) & 0xFFFFFFFF


def main(source, target):
    d = open(source, 'rb').read()
    o = struct.unpack('>I', d[12:16])[0]
    sfnt = d[o:o + 4]
    tables = {}
    for i in range(struct.unpack('>H', d[o + 4:o + 6])[0]):
        tag, _, off, length = struct.unpack('>4sIII', d[o + 12 + 16 * i:o + 28 + 16 * i])
        tables[tag] = d[off:off + length]
    for tag in (b'vhea', b'vmtx'):
        tables.pop(tag, None)
    cmap = tables[b'cmap']
    for i in range(struct.unpack('>H', cmap[2:4])[0]):
        platform, encoding, off = struct.unpack('>HHI', cmap[4 + 8 * i:12 + 8 * i])
        if (platform, encoding) == (3, 10):
            length = struct.unpack('>I', cmap[off + 4:off + 8])[0]
            tables[b'cmap'] = struct.pack('>HHHHI', 0, 1, 3, 10, 12) + cmap[off:off + length]
    post = bytearray(tables[b'post'][:32])
    post[0:4] = struct.pack('>I', 0x00030000)
    tables[b'post'] = bytes(post)
    head = bytearray(tables[b'head'])
    head[8:12] = b'\0\0\0\0'
    tables[b'head'] = bytes(head)

    n = len(tables)
    selector = n.bit_length() - 1
    search = (1 << selector) * 16
    out = sfnt + struct.pack('>HHHH', n, search, selector, n * 16 - search)
    offset = 12 + 16 * n
    directory, body = b'', b''
    for tag in sorted(tables):
        data = tables[tag]
        directory += struct.pack('>4sIII', tag, checksum(data), offset + len(body), len(data))
        body += data + b'\0' * ((4 - len(data) % 4) % 4)
    font = bytearray(out + directory + body)
    head_at = struct.unpack('>I', font[12 + 16 * sorted(tables).index(b'head') + 8:][:4])[0]
    font[head_at + 8:head_at + 12] = struct.pack('>I', (0xB1B0AFBA - checksum(bytes(font))) & 0xFFFFFFFF)
    open(target, 'wb').write(font)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
