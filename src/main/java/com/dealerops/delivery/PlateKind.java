package com.dealerops.delivery;

/** The licence plate the car leaves with: its own (正式牌照) or a temporary one (临时牌照). */
public enum PlateKind {
    PERMANENT, TEMPORARY
}
