package com.dealerops.order;

public enum PaymentMethod {
    CASH, BANK_TRANSFER, CARD, WECHAT_PAY, ALIPAY, LOAN_DISBURSEMENT, OTHER
}
