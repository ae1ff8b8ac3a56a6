package com.dealerops.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.dealerops.common.error.ProblemException;

/** A burst of PDF requests is turned away at once (503 busy with Retry-After), not queued without end. */
class QuoteDocumentAdmissionTest {

    @Test
    void aFifthDocumentAtOnceIsTurnedAwayAndAdmittedOnceOneLeaves() {
        QuoteDocument documents = new QuoteDocument();
        for (int i = 0; i < QuoteDocument.ADMITTED; i++) {
            documents.enter();
        }
        ProblemException busy = assertThrows(ProblemException.class, documents::enter);
        assertEquals(503, busy.status());
        assertEquals("2", busy.headers().get("Retry-After"));
        documents.leave();
        documents.enter();
    }
}
