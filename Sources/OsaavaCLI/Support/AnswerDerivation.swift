import Catalog
import Store

extension Catalog {
    /// The answers an interview would have recorded for a response (its survey's questions), for
    /// the store to tell a response with derived answers from one with those answers given.
    var answerDeriver: AnswerDeriver {
        { [self] response in
            survey(response.survey).map { ResponseAssembler(survey: $0, settings: settings).answers(for: response) }
        }
    }
}
